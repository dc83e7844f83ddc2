/**
 * The workloads whose energy is measured: masked-LM pre-training, DistilBERT-style distillation,
 * fine-tuning with evaluation, and inference measurement, behind {@link ftenergy.train.RunExecutor}.
 * Every step is reported to a {@link ftenergy.train.RunObserver} (where the meter plugs in); runs
 * are serialised per JVM (see {@link ftenergy.train.RunExecutor}).
 */
package ftenergy.train;
