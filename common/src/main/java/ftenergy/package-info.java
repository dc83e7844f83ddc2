/** ftenergy's engine-free core: the root exception; concepts live in the sub-packages. */
package ftenergy;
