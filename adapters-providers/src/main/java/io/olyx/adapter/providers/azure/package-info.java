/** Azure OpenAI deployments: the OpenAI wire format with deployment URLs and the api-key header. */
package io.olyx.adapter.providers.azure;
