package ftenergy.lake;

/**
 * A Delta transaction identifier: a writer's {@code appId} and a version that only grows. A table
 * records the latest version per {@code appId} and refuses a write whose version is not larger,
 * which is what makes a repeated write land once.
 */
record TransactionId(String appId, long version) {}
