/** Tasks, examples and padding-aware batches: everything between raw text and a trainer. */
package ftenergy.data;
