package io.avcwatch.app.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * What {@code mvn package} leaves in {@code streams-app/target/}, read from the module's POM so that a
 * renamed jar or lib directory breaks the Dockerfile tests instead of the image build.
 *
 * @param jar the CLI jar, relative to the repository root ({@code streams-app/target/avcwatch.jar})
 * @param libDir the runtime jars' directory, relative to the repository root, with a trailing slash
 * @param mainClass the jar manifest's {@code Main-Class}
 * @param classpathPrefix the manifest class path's prefix: where the jar expects {@code libDir} beside it
 */
record MavenArtifacts(String jar, String libDir, String mainClass, String classpathPrefix) {

    private static final String MODULE = "streams-app";

    /** Reads {@code streams-app/pom.xml}. */
    static MavenArtifacts fromPom() {
        final Document pom = parse();
        final XPath xpath = XPathFactory.newInstance().newXPath();
        try {
            final String finalName = xpath.evaluate("/project/build/finalName", pom);
            final String jarPlugin = "/project/build/plugins/plugin[artifactId='maven-jar-plugin']";
            final String mainClass = xpath.evaluate(jarPlugin + "//manifest/mainClass", pom);
            final String prefix = xpath.evaluate(jarPlugin + "//manifest/classpathPrefix", pom);
            final String outputDir = xpath.evaluate("/project/build/plugins/plugin[artifactId='maven-dependency-plugin']"
                    + "//execution[goals/goal='copy-dependencies']/configuration/outputDirectory", pom);
            final String lib = outputDir.replace("${project.build.directory}", MODULE + "/target");
            return new MavenArtifacts(MODULE + "/target/" + finalName + ".jar", lib.endsWith("/") ? lib : lib + "/",
                    mainClass, prefix);
        } catch (XPathExpressionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse() {
        try (InputStream in = Files.newInputStream(RepoFiles.path(MODULE + "/pom.xml"))) {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + MODULE + "/pom.xml", e);
        }
    }
}
