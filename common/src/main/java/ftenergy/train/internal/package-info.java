/** The training machinery behind {@link ftenergy.train.RunExecutor}: loop, optimiser, schedule, heads' losses and metrics. */
package ftenergy.train.internal;
