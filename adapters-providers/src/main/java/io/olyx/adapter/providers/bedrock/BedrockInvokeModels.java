package io.olyx.adapter.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.ProviderFailures;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.Embedding;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * InvokeModel bodies differ per model family. These are the families the API documents for embeddings (Amazon
 * Titan Embeddings, Cohere Embed) and images (Amazon Titan Image / Nova Canvas, Stability SDXL, and Stability's
 * newer SD3 / Stable Image models); any other model id is {@link ProviderFailure.Kind#UNSUPPORTED}.
 */
final class BedrockInvokeModels {
    static final int COHERE_BATCH = 96;
    private static final String[] ASPECT_RATIOS = {"16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21"};

    enum EmbeddingFamily { TITAN, COHERE }

    enum ImageFamily { TITAN, STABILITY_SDXL, STABILITY }

    private final Jsons json;

    BedrockInvokeModels(Jsons json) {
        this.json = json;
    }

    static EmbeddingFamily embeddingFamily(ModelEndpoint endpoint) {
        String model = baseModel(endpoint);
        if (model.startsWith("amazon.titan-embed")) {
            return EmbeddingFamily.TITAN;
        }
        if (model.startsWith("cohere.embed")) {
            return EmbeddingFamily.COHERE;
        }
        throw ProviderFailure.unsupported(ProviderKind.BEDROCK, "embeddings with model " + endpoint.model()
                + " (use amazon.titan-embed-* or cohere.embed-*)");
    }

    static ImageFamily imageFamily(ModelEndpoint endpoint) {
        String model = baseModel(endpoint);
        if (model.startsWith("amazon.titan-image") || model.startsWith("amazon.nova-canvas")) {
            return ImageFamily.TITAN;
        }
        if (model.startsWith("stability.stable-diffusion-xl")) {
            return ImageFamily.STABILITY_SDXL;
        }
        if (model.startsWith("stability.")) {
            return ImageFamily.STABILITY;
        }
        throw ProviderFailure.unsupported(ProviderKind.BEDROCK, "image generation with model " + endpoint.model()
                + " (use amazon.titan-image-*, amazon.nova-canvas-* or stability.*)");
    }

    /** Cross-region inference profiles prefix the model id with a geography ("us.", "eu.", "apac."). */
    private static String baseModel(ModelEndpoint endpoint) {
        String model = endpoint.model().toLowerCase(Locale.ROOT);
        int slash = model.lastIndexOf('/');
        if (slash >= 0) {
            model = model.substring(slash + 1);
        }
        return model.matches("^(us|eu|apac|us-gov|global)\\..*") ? model.substring(model.indexOf('.') + 1) : model;
    }

    ObjectNode titanEmbeddingBody(ModelEndpoint endpoint, String input) {
        ObjectNode body = json.mapper().createObjectNode();
        body.put("inputText", input);
        if (baseModel(endpoint).contains("text-v2")) {
            endpoint.configInt("dimensions").ifPresent(d -> body.put("dimensions", d));
            body.put("normalize", true);
        }
        return body;
    }

    ObjectNode cohereEmbeddingBody(ModelEndpoint endpoint, List<String> inputs) {
        ObjectNode body = json.mapper().createObjectNode();
        ArrayNode texts = body.putArray("texts");
        inputs.forEach(texts::add);
        body.put("input_type", endpoint.configText("input_type").orElse("search_document"));
        body.put("truncate", "END");
        return body;
    }

    static Embedding titanEmbedding(JsonNode root) {
        return vector(root.path("embedding"));
    }

    /** Cohere answers a list of vectors, or an object of lists keyed by embedding type. */
    static List<Embedding> cohereEmbeddings(JsonNode root, int expected) {
        JsonNode list = root.path("embeddings");
        if (list.isObject()) {
            list = list.path("float");
        }
        if (!list.isArray() || list.size() != expected) {
            throw ProviderFailures.malformed(ProviderKind.BEDROCK, "expected " + expected + " embeddings");
        }
        List<Embedding> out = new ArrayList<>();
        list.forEach(v -> out.add(vector(v)));
        return out;
    }

    private static Embedding vector(JsonNode values) {
        if (!values.isArray() || values.isEmpty()) {
            throw ProviderFailures.malformed(ProviderKind.BEDROCK, "embedding is not an array of numbers");
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) values.get(i).asDouble();
        }
        return new Embedding(vector);
    }

    ObjectNode imageBody(ImageFamily family, ImageRequest request, int count) {
        ObjectNode body = json.mapper().createObjectNode();
        switch (family) {
            case TITAN -> {
                body.put("taskType", "TEXT_IMAGE");
                body.putObject("textToImageParams").put("text", request.prompt());
                ObjectNode config = body.putObject("imageGenerationConfig");
                config.put("numberOfImages", count).put("width", request.width()).put("height", request.height());
                request.quality().ifPresent(q -> config.put("quality", q.equalsIgnoreCase("hd") ? "premium" : q));
            }
            case STABILITY_SDXL -> {
                body.putArray("text_prompts").addObject().put("text", request.prompt());
                body.put("width", request.width()).put("height", request.height());
            }
            case STABILITY -> {
                body.put("prompt", request.prompt());
                body.put("aspect_ratio", aspectRatio(request.width(), request.height()));
                body.put("output_format", "png");
            }
        }
        return body;
    }

    /** How many images one call returns: Titan takes a count, Stability draws one per call. */
    static int imagesPerCall(ImageFamily family, int wanted) {
        return family == ImageFamily.TITAN ? wanted : 1;
    }

    static List<String> images(ImageFamily family, JsonNode root) {
        List<String> out = new ArrayList<>();
        String error = root.path("error").asText("");
        if (!error.isEmpty()) {
            throw ProviderFailure.of(ProviderFailure.Kind.CLIENT_ERROR, ProviderKind.BEDROCK, error);
        }
        JsonNode items = family == ImageFamily.STABILITY_SDXL ? root.path("artifacts") : root.path("images");
        for (JsonNode item : items) {
            String base64 = item.isTextual() ? item.asText() : item.path("base64").asText("");
            String finish = item.path("finishReason").asText("SUCCESS");
            if (!finish.equals("SUCCESS")) {
                throw ProviderFailure.of(ProviderFailure.Kind.CLIENT_ERROR, ProviderKind.BEDROCK,
                        "image generation finished with " + finish);
            }
            if (!base64.isEmpty()) {
                out.add("data:image/png;base64," + base64);
            }
        }
        if (out.isEmpty()) {
            throw ProviderFailures.malformed(ProviderKind.BEDROCK, "no images in the response");
        }
        return out;
    }

    static String aspectRatio(int width, int height) {
        double wanted = (double) width / height;
        String best = "1:1";
        double bestDistance = Double.MAX_VALUE;
        for (String ratio : ASPECT_RATIOS) {
            String[] parts = ratio.split(":");
            double distance = Math.abs(Math.log(Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]))
                    - Math.log(wanted));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = ratio;
            }
        }
        return best;
    }
}
