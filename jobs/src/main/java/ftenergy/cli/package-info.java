/** The {@code ftenergy} command line: argument parsing, configuration loading and dispatch to jobs. */
package ftenergy.cli;
