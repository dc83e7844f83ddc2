/** Wire formats under the checkpoint readers: protobuf fields, LevelDB tables, masked CRC-32C. */
package ftenergy.model.checkpoint.internal;
