package ftenergy.carbon;

import java.time.Instant;

/**
 * One reading of a wall power meter (or the BMC's IPMI DCMI sensor).
 *
 * @param at when it was read
 * @param watts power drawn at the wall
 */
public record WallReading(Instant at, double watts) {}
