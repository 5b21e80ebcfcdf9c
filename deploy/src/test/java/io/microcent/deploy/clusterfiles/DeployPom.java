package io.microcent.deploy.clusterfiles;

import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;

/** What deploy/pom.xml says the build produces: the shade plugin's jar and its main class. */
record DeployPom(String jar, String mainClass) {

    static DeployPom read() {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ClusterFiles.deployPom().toFile());
            String finalName = pom.getElementsByTagName("finalName").item(0).getTextContent().strip();
            String mainClass = pom.getElementsByTagName("mainClass").item(0).getTextContent().strip();
            return new DeployPom("deploy/target/" + finalName + ".jar", mainClass);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read deploy/pom.xml", e);
        }
    }
}
