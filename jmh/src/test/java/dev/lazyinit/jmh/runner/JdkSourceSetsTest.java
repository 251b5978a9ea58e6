package dev.lazyinit.jmh.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The parent pom decides which JDK compiles which preview source set (its jdk25, jdk26 and jdk-unknown profiles);
 * the runner, which must give a benchmark JVM --enable-preview and name what a JDK cannot run before anything is
 * built, knows the same rule as {@link Jdks#previewSources}. This test reads the pom and holds the two equal for
 * every release from the oldest to two past the newest known, so that a new JDK is added in both or in neither.
 */
class JdkSourceSetsTest {

    private static final Pattern RANGE = Pattern.compile("\\[(\\d+),(\\d*)\\)");

    private record Profile(String id, int from, int until, String sources, String preview) {
        boolean covers(int feature) {
            return feature >= from && feature < until;
        }
    }

    @Test
    void thePomAndTheRunnerGiveEachJdkTheSameSourceSet() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Files.newInputStream(Path.of("..", "pom.xml")));
        Element properties = (Element) pom.getDocumentElement().getElementsByTagName("properties").item(0);
        assertThat(text(properties, "jdk.newest.known")).isEqualTo(String.valueOf(Jdks.NEWEST_KNOWN));
        String defaultSources = text(properties, "preview.sources");

        List<Profile> profiles = jdkProfiles(pom);
        assertThat(profiles).extracting(Profile::id).contains("jdk25", "jdk26", "jdk-unknown");
        for (int feature = Jdks.OLDEST; feature <= Jdks.NEWEST_KNOWN + 2; feature++) {
            int f = feature;
            Optional<Profile> active = profiles.stream().filter(p -> p.covers(f)).findFirst();
            assertThat(profiles.stream().filter(p -> p.covers(f)).count()).as("profiles for JDK %d", f)
                    .isLessThanOrEqualTo(1);
            String sources = active.map(Profile::sources).filter(s -> s != null).orElse(defaultSources);
            assertThat(sources).as("JDK %d's source set", f)
                    .isEqualTo(Jdks.previewSources(f).orElse("none"));
            boolean preview = active.map(p -> "--enable-preview".equals(p.preview())).orElse(false);
            assertThat(preview).as("JDK %d's JVMs get --enable-preview", f)
                    .isEqualTo(Jdks.flags(f).contains("--enable-preview"));
        }
    }

    private static List<Profile> jdkProfiles(Document pom) {
        List<Profile> found = new ArrayList<>();
        NodeList all = pom.getElementsByTagName("profile");
        for (int i = 0; i < all.getLength(); i++) {
            Element profile = (Element) all.item(i);
            String jdk = text(profile, "jdk");
            Map<String, String> props = new HashMap<>();
            NodeList p = profile.getElementsByTagName("properties");
            if (p.getLength() > 0) {
                NodeList children = p.item(0).getChildNodes();
                for (int c = 0; c < children.getLength(); c++) {
                    Node n = children.item(c);
                    if (n instanceof Element e) {
                        props.put(e.getTagName(), e.getTextContent().trim());
                    }
                }
            }
            if (jdk == null || !props.containsKey("jvm.preview.arg")) {
                continue; // not a source-set profile (native access, a holder jar, a platform)
            }
            Matcher m = RANGE.matcher(jdk);
            assertThat(m.matches()).as("profile %s's range %s", text(profile, "id"), jdk).isTrue();
            int until = m.group(2).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
            found.add(new Profile(text(profile, "id"), Integer.parseInt(m.group(1)), until,
                    props.get("preview.sources"), props.get("jvm.preview.arg")));
        }
        return found;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
