/** Sweep configuration and its expansion into ordered run specs with stable run ids. */
package ftenergy.plan;
