package io.olyx.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.olyx.domain.llm.CanonicalJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What an Idempotency-Key retry of a JSON body is compared by: the exact canonical form of the body as the edge reads
 * it. The same request however it is serialised hashes the same; {@code 1.0} and {@code 1} do not, since Olyx hands
 * such values on as they were sent.
 */
class IdempotentBodiesProperties {
    private static final ObjectMapper MAPPER = JsonMapperFactory.create();

    @Example
    void whitespaceMemberOrderEscapesAndExponentsMakeNoOtherRequest() {
        String sent = "{\"trace_id\":\"t\",\"input\":\"caf\u00e9\",\"max_tokens\":1000,"
                + "\"metadata\":{\"a\":1,\"b\":[1,2.50]}}";
        String retried = "{\n  \"metadata\" : { \"b\" : [ 1e0, 250e-2 ], \"a\" : 1 },\n  \"max_tokens\": 1E+3,\n"
                + "  \"input\": \"caf\\u00E9\",\t\"trace_id\": \"t\"\n}\n";

        assertThat(canonical(retried)).isEqualTo(canonical(sent));
    }

    @Example
    void oneAndOnePointZeroAreTwoRequestsAsTheyAreHandedOnAsSent() {
        JsonBody one = JsonBody.parse(bytes("{\"content\":{\"t\":1}}"));
        JsonBody onePointZero = JsonBody.parse(bytes("{\"content\":{\"t\":1.0}}"));

        assertThat(CanonicalJson.exact(one.raw())).isNotEqualTo(CanonicalJson.exact(onePointZero.raw()));
        assertThat(JsonBody.toJson(one.raw().get("content"))).isEqualTo("{\"t\":1}");
        assertThat(JsonBody.toJson(onePointZero.raw().get("content"))).as("a tool result as the model gets it")
                .isEqualTo("{\"t\":1.0}");
    }

    @Property(tries = 300)
    void theSameBodySerialisedAnotherWayIsTheSameRequest(@ForAll("bodies") Map<String, Object> body)
            throws Exception {
        String compact = MAPPER.writeValueAsString(body);
        String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reversed(body));

        assertThat(canonical(pretty)).isEqualTo(canonical(compact));
    }

    /** Request hashes kept before the form moved into the domain (for 24 hours) still match a retry's. */
    @Property(tries = 300)
    void theFormIsWhatTheEdgesMapperWritesWithMembersInKeyOrder(@ForAll("bodies") Map<String, Object> body)
            throws Exception {
        ObjectWriter sorted = MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Map<String, Object> read = JsonBody.parse(bytes(MAPPER.writeValueAsString(body))).raw();

        assertThat(CanonicalJson.exact(read)).isEqualTo(sorted.writeValueAsString(read));
    }

    @Provide
    Arbitrary<Map<String, Object>> bodies() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange((char) 0, (char) 0x2FF).ofMaxLength(8).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000), BigInteger.valueOf(1_000_000))
                        .flatMap(unscaled -> Arbitraries.integers().between(-4, 8)
                                .map(scale -> (Object) new BigDecimal(unscaled, scale))),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        Arbitrary<String> keys = Arbitraries.strings().withCharRange((char) 0, (char) 0x2FF).ofMaxLength(5);
        Arbitrary<Object> values = Arbitraries.recursive(() -> scalars,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(l -> (Object) l),
                        Arbitraries.maps(keys, inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m))),
                0, 3);
        return Arbitraries.maps(keys, values).ofMaxSize(5).map(LinkedHashMap::new);
    }

    private static String canonical(String body) {
        return CanonicalJson.exact(JsonBody.parse(bytes(body)).raw());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The same value with every object's members in reverse order. */
    private static <T> T reversed(T value) {
        Object copy;
        if (value instanceof Map<?, ?> map) {
            List<Map.Entry<?, ?>> members = new ArrayList<>(map.entrySet());
            Collections.reverse(members);
            Map<Object, Object> turned = new LinkedHashMap<>();
            members.forEach(m -> turned.put(m.getKey(), reversed(m.getValue())));
            copy = turned;
        } else if (value instanceof List<?> list) {
            copy = list.stream().map(IdempotentBodiesProperties::reversed).toList();
        } else {
            copy = value;
        }
        @SuppressWarnings("unchecked")
        T same = (T) copy;
        return same;
    }
}
