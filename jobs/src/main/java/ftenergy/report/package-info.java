/** The HTML report and its figures, built from the lakehouse's run and analysis tables. */
package ftenergy.report;
