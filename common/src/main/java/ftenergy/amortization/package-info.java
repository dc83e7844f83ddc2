/** When distillation pays for itself: run lineage (what each model cost to make) and break-even counts. */
package ftenergy.amortization;
