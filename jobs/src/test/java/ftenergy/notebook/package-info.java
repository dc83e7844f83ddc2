/**
 * What the analysts' notebooks load through {@code notebooks/setup.jsh}: a Spark session that reads
 * a lakehouse without writing to it, and datasets rendered as HTML tables and XChart figures for
 * display inline.
 */
package ftenergy.notebook;
