/** The {@code ftenergy} command line (picocli): commands, their options, configuration layering and exit status. */
package ftenergy.cli;
