/** The prepare job: corpora fetched, tokenizer trained, every task tokenized once into {@code examples}. */
package ftenergy.prepare;
