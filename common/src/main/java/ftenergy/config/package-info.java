/**
 * Layered HOCON configuration (defaults &lt; {@code --config} files &lt; {@code FTENERGY_*} variables &lt;
 * {@code -Dkey=value} &lt; flags), read once at start-up into immutable records; every problem is reported with its key and origin.
 */
package ftenergy.config;
