/** The small reference tables shipped as resources (CPU TDPs, grid intensities): their shared file format. */
package ftenergy.table;
