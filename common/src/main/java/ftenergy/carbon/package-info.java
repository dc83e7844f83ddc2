/** From software joules to wall energy and emissions: wall coefficient, PUE, grid intensity, calibration. */
package ftenergy.carbon;
