/** The training machinery behind {@link ftenergy.train.TrainingRun}: loop, optimiser, schedule, heads' losses and metrics. */
package ftenergy.train.internal;
