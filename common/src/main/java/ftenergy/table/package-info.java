/** The small reference tables shipped as resources (CPU TDPs, grid intensities): their CSV dialect, which wall-meter logs share. */
package ftenergy.table;
