package ftenergy.carbon;

/**
 * What {@code ipmitool dcmi power reading} reports: the BMC's view of the node's input power.
 *
 * @param instantaneousWatts power now
 * @param minimumWatts minimum over the sampling period
 * @param maximumWatts maximum over the sampling period
 * @param averageWatts average over the sampling period
 * @param samplingPeriodSeconds the BMC's sampling period
 * @param active whether the BMC says power reading is activated (readings are meaningless if not)
 */
public record DcmiPowerReading(double instantaneousWatts, double minimumWatts, double maximumWatts, double averageWatts,
        double samplingPeriodSeconds, boolean active) {}
