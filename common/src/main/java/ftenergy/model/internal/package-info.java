/** Building blocks of the BERT model that callers never touch directly: lookup tables, the tied MLM head, grad mode. */
package ftenergy.model.internal;
