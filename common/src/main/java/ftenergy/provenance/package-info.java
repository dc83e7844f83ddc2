/** How a result was obtained: digests of code, configuration, data and tokenizer, and the runtime's versions. */
package ftenergy.provenance;
