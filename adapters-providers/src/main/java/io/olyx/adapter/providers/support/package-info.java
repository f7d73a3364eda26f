/**
 * What every wire-format adapter shares: HTTP transport with per-endpoint timeouts and error mapping, the stall
 * watchdog, the SSE reader, the stream assembler and token counting. Public only because Java packages are the
 * unit of visibility and each format lives in its own package; nothing outside this module should use them.
 */
package io.olyx.adapter.providers.support;
