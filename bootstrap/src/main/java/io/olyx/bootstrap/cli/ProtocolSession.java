package io.olyx.bootstrap.cli;

/** A protocol command's footing: an API-key client and the project policy fetched for this very command. */
record ProtocolSession(OlyxApi api, Policy policy) {
}
