/**
 * The metered attempt in flight in this JVM, as watchers outside it see it while it runs: its
 * identity, its meter's last reading, its steps and tokens so far, and the numbered deliveries that
 * carry what it measured to the driver before the attempt's result does.
 */
package ftenergy.live;
