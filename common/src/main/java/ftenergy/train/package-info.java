/**
 * The workloads whose energy is measured: masked-LM pre-training, DistilBERT-style distillation,
 * fine-tuning with evaluation, and inference measurement, behind {@link ftenergy.train.TrainingRun}.
 * Every step is reported to a {@link ftenergy.train.TrainingObserver} (where the meter plugs in); runs
 * are serialised per JVM (see {@link ftenergy.train.TrainingRun}).
 */
package ftenergy.train;
