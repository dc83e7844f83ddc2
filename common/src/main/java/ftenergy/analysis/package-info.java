/** Engine-free analysis maths: summaries, MAPE, prediction intervals, lineage and distillation amortization. */
package ftenergy.analysis;
