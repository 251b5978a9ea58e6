package dev.lazyinit.harness.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The one JSON codec of the files the modules hand to each other ({@link ProofVerdicts}, {@link FailureSemantics},
 * {@link VirtualThreadResults}, {@link Environment}): records in, records out, through Jackson. A reader checks the
 * file's {@link Versioned#format() format} before it binds anything, and says clearly what it met.
 */
public final class Codec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a newer minor field is no reason to refuse
            .addModule(words())
            .build();

    private Codec() {
    }

    /**
     * The enums that have a word of their own are written as that word, as the tables show them: a {@link Property}
     * as its {@link Property#id() id} ({@code exactly-once}), a {@link VerdictKind} as its
     * {@link VerdictKind#label() label} ({@code N/A}), a {@link Layer} as its {@link Layer#id() id}
     * ({@code static}). Read back from the word (or the constant's name).
     */
    private static SimpleModule words() {
        SimpleModule module = new SimpleModule("lazyinit-words");
        word(module, Property.class, Property::id);
        word(module, VerdictKind.class, VerdictKind::label);
        word(module, Layer.class, Layer::id);
        return module;
    }

    private static <E extends Enum<E>> void word(SimpleModule module, Class<E> type, Function<E, String> word) {
        module.addSerializer(type, new StdSerializer<E>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(word.apply(value));
            }
        });
        module.addDeserializer(type, new StdDeserializer<E>(type) {
            private static final long serialVersionUID = 1L;

            @Override
            public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                for (E e : type.getEnumConstants()) {
                    if (word.apply(e).equals(text) || e.name().equals(text)) {
                        return e;
                    }
                }
                return type.cast(context.handleWeirdStringValue(type, text, "not one of "
                        + Arrays.stream(type.getEnumConstants()).map(word).toList()));
            }
        });
    }

    /**
     * Writes a value as JSON, creating the parent folder.
     *
     * @param file where
     * @param value what
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, Versioned value) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(value), StandardCharsets.UTF_8);
    }

    /**
     * @param value what
     * @return it as indented JSON, ending with a new line
     */
    public static String toJson(Versioned value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param file the file
     * @param type the record it holds
     * @param format the format this build reads, for example {@code ProofVerdicts.FORMAT}
     * @param <T> the record type
     * @return the value
     * @throws FormatException if the file is not JSON, has no format, or another format
     * @throws IOException if it cannot be read
     */
    public static <T extends Versioned> T read(Path file, Class<T> type, String format) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), type, format, file.toString());
    }

    /**
     * @param json the text
     * @param type the record it holds
     * @param format the format this build reads
     * @param source where the text came from, for the error message
     * @param <T> the record type
     * @return the value
     * @throws FormatException if the text is not JSON, has no format, or another format
     */
    public static <T extends Versioned> T fromJson(String json, Class<T> type, String format, String source)
            throws FormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FormatException(source + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode found = tree == null ? null : tree.get("format");
        if (found == null || !found.isTextual()) {
            throw new FormatException(source + " names no format; this build reads " + format
                    + " (a file written before format versions, or not one of ours): produce it again");
        }
        if (!found.asText().equals(format)) {
            throw new FormatException(source + " is in format " + found.asText() + "; this build reads " + format
                    + ": produce it again with this version of the suite, or use the version that wrote it");
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new FormatException(source + " says " + format + " but does not match it: "
                    + e.getOriginalMessage(), e);
        }
    }
}
