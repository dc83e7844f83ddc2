/**
 * Live energy of the runs in flight through Spark's plugin API ({@link ftenergy.metrics.EnergyPlugin}):
 * gauges in each executor's Spark metrics, and deliveries of what each run measured from its
 * executor to the driver's subscribers ({@link ftenergy.metrics.LiveDeliveries}).
 */
package ftenergy.metrics;
