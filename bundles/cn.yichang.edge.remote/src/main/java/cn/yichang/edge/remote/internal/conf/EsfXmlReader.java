package cn.yichang.edge.remote.internal.conf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the body of a {@code PUT configurations}: {@code esf:configurations} (or one {@code
 * esf:configuration}) into properties by PID, typed by each property's {@code type}. The parser
 * refuses any DOCTYPE, so that no entity, internal or external, is ever expanded, and fetches
 * nothing. Properties ConfigAdmin or Kura add ({@code service.pid}, ...) are left out.
 */
final class EsfXmlReader {

  /** Properties that say which configuration it is, not how it is set. */
  static final Set<String> IDENTITY =
      Set.of(
          "service.pid",
          "service.factoryPid",
          "service.bundleLocation",
          "kura.service.pid",
          "component.name",
          "component.id");

  private EsfXmlReader() {}

  /**
   * @throws IllegalArgumentException saying what is wrong, for a 400
   */
  static Map<String, Map<String, Object>> read(byte[] xml) {
    Document doc = parse(xml);
    Element root = doc.getDocumentElement();
    List<Element> configurations = new ArrayList<>();
    if (is(root, "configurations")) {
      configurations.addAll(children(root, "configuration"));
    } else if (is(root, "configuration")) {
      configurations.add(root);
    } else {
      throw new IllegalArgumentException(
          "expected esf:configurations or esf:configuration in namespace "
              + EsfXml.ESF
              + ", found "
              + root.getTagName());
    }
    Map<String, Map<String, Object>> result = new LinkedHashMap<>();
    for (Element c : configurations) {
      String pid = c.getAttribute("pid");
      if (pid.isEmpty()) {
        throw new IllegalArgumentException("esf:configuration without a pid");
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      for (Element ps : children(c, "properties")) {
        for (Element p : children(ps, "property")) {
          String name = p.getAttribute("name");
          if (name.isEmpty()) {
            throw new IllegalArgumentException(pid + ": esf:property without a name");
          }
          if (!IDENTITY.contains(name)) {
            properties.put(name, value(pid, name, p));
          }
        }
      }
      if (result.put(pid, properties) != null) {
        throw new IllegalArgumentException(pid + ": given twice");
      }
    }
    return result;
  }

  private static Object value(String pid, String name, Element p) {
    String type = p.getAttribute("type").isEmpty() ? "String" : p.getAttribute("type");
    boolean array = "true".equals(p.getAttribute("array"));
    List<String> texts = new ArrayList<>();
    for (Element v : children(p, "value")) {
      texts.add(v.getTextContent());
    }
    if ("true".equals(p.getAttribute("encrypted"))
        && !(texts.size() == 1 && EsfXml.PASSWORD_MASK.equals(texts.get(0)))) {
      throw new IllegalArgumentException(
          pid + ": " + name + ": encrypted values are not supported; send it in clear over TLS");
    }
    try {
      if (array) {
        Object[] values = new Object[texts.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = scalar(type, texts.get(i));
        }
        return typedArray(type, values);
      }
      if (texts.size() != 1) {
        throw new IllegalArgumentException("expected one esf:value, found " + texts.size());
      }
      return scalar(type, texts.get(0));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(pid + ": " + name + ": " + e.getMessage(), e);
    }
  }

  private static Object scalar(String type, String text) {
    String t = text.trim();
    return switch (type) {
      case "String", "Password" -> text;
      case "Long" -> Long.valueOf(t);
      case "Integer" -> Integer.valueOf(t);
      case "Short" -> Short.valueOf(t);
      case "Byte" -> Byte.valueOf(t);
      case "Double" -> Double.valueOf(t);
      case "Float" -> Float.valueOf(t);
      case "Char" -> {
        if (t.length() != 1) {
          throw new IllegalArgumentException("\"" + t + "\" is not one character");
        }
        yield t.charAt(0);
      }
      case "Boolean" -> {
        if (!t.equals("true") && !t.equals("false")) {
          throw new IllegalArgumentException("\"" + t + "\" is not true or false");
        }
        yield Boolean.valueOf(t);
      }
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static Object typedArray(String type, Object[] values) {
    Class<?> component =
        switch (type) {
          case "Long" -> Long.class;
          case "Integer" -> Integer.class;
          case "Short" -> Short.class;
          case "Byte" -> Byte.class;
          case "Double" -> Double.class;
          case "Float" -> Float.class;
          case "Char" -> Character.class;
          case "Boolean" -> Boolean.class;
          default -> String.class;
        };
    Object array = java.lang.reflect.Array.newInstance(component, values.length);
    for (int i = 0; i < values.length; i++) {
      java.lang.reflect.Array.set(array, i, values[i]);
    }
    return array;
  }

  private static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(
          new org.xml.sax.ErrorHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException e) {}

            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
              throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
              throw e;
            }
          });
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
          });
      return b.parse(new ByteArrayInputStream(xml));
    } catch (SAXException e) {
      throw new IllegalArgumentException("not well-formed configuration XML: " + e.getMessage(), e);
    } catch (IOException | ParserConfigurationException e) {
      throw new IllegalArgumentException("cannot read the configuration XML: " + e, e);
    }
  }

  private static boolean is(Element e, String localName) {
    return EsfXml.ESF.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && is(e, localName)) {
        found.add(e);
      }
    }
    return found;
  }
}
