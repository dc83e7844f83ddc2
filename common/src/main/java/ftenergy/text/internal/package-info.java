/** Implementation details of {@code ftenergy.text}: BERT normalisation and WordPiece merge bookkeeping. */
package ftenergy.text.internal;
