/** Implementation details of {@code ftenergy.data}: archive extraction, corpus parsing helpers. */
package ftenergy.data.internal;
