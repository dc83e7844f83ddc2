/** Engine-free statistics: least-squares fits, leave-one-out, Student's t, MAPE, summaries, energy predictions. */
package ftenergy.stats;
