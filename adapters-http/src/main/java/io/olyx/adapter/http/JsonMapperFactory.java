package io.olyx.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.olyx.domain.common.JsonNumbers;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The one ObjectMapper of the HTTP edge: snake_case as the Olyx seeds use it (AIVAX-shaped records opt into camelCase
 * with their own annotation), exact decimals, one JSON document per text (trailing tokens are malformed), ISO-8601
 * times, and no silent coercion of wrong JSON types.
 */
public final class JsonMapperFactory {
    private JsonMapperFactory() {
    }

    public static ObjectMapper create() {
        return JsonMapper.builder(pooledFactory())
                .addModule(new SimpleModule("olyx-decimals").addSerializer(BigDecimal.class, new DecimalSerializer())
                        .addSerializer(Double.class, new DoubleSerializer())
                        .addSerializer(Double.TYPE, new DoubleSerializer()))
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
    }

    /**
     * Decimals go out in plain digits ({@code 0.00000025}, not {@code 2.5E-7}). A number out of {@link JsonNumbers}'
     * range cannot come in any more, but one stored before the bound existed goes out in scientific notation
     * instead of failing the whole answer (plain digits of 1e999999 would be a megabyte; Jackson refuses them).
     */
    private static final class DecimalSerializer extends StdSerializer<BigDecimal> {
        DecimalSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(JsonNumbers.inRange(value) ? value.toPlainString() : value.toString());
        }
    }

    /**
     * Figures computed as doubles (percentages, milliseconds, ratios) go out in plain digits too: Java writes a
     * double from 10^7 up or below 10^-3 in scientific notation ({@code -9.99999999999E13}, {@code 1.5E-4}), which
     * such a number is written without ({@code -99999999999900}, {@code 0.00015}); every other double is written as
     * Jackson writes it ({@code 870.0}).
     */
    private static final class DoubleSerializer extends StdSerializer<Double> {
        DoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            double magnitude = Math.abs(value);
            if (!Double.isFinite(value) || magnitude == 0 || magnitude >= 1e-3 && magnitude < 1e7) {
                gen.writeNumber(value);
            } else {
                gen.writeNumber(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
            }
        }
    }

    /**
     * Jackson recycles its parse and write buffers per thread by default; every request here runs on a fresh virtual
     * thread, so that would allocate new buffers for every body. A shared pool keeps them reused.
     */
    static JsonFactory pooledFactory() {
        return JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
    }
}
