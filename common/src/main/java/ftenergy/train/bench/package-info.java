/**
 * Training throughput and model FLOPs utilisation (MFU) of BERT fine-tuning steps, against the
 * peak of a large matmul measured by the same engine in the same run ({@code bin/ftenergy bench train}).
 */
package ftenergy.train.bench;
