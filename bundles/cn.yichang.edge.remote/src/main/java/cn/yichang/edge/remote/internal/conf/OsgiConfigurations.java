package cn.yichang.edge.remote.internal.conf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * ConfigAdmin's configurations with the MetaType description of their PID (or factory PID), found
 * in whichever bundle declares it.
 */
final class OsgiConfigurations implements Configurations {
  private final ConfigurationAdmin admin;
  private final MetaTypeService metaType;
  private final BundleContext context;

  OsgiConfigurations(ConfigurationAdmin admin, MetaTypeService metaType, BundleContext context) {
    this.admin = admin;
    this.metaType = metaType;
    this.context = context;
  }

  @Override
  public List<EsfXml.Configuration> list(String pid) {
    Configuration[] found;
    try {
      found = admin.listConfigurations(pid == null ? null : "(service.pid=" + escape(pid) + ")");
    } catch (IOException | InvalidSyntaxException e) {
      throw new IllegalStateException("cannot list the configurations: " + e, e);
    }
    List<EsfXml.Configuration> result = new ArrayList<>();
    if (found == null) {
      return result;
    }
    java.util.Arrays.sort(found, Comparator.comparing(Configuration::getPid));
    for (Configuration c : found) {
      Dictionary<String, Object> props = c.getProperties();
      if (props == null) {
        continue;
      }
      Map<String, Object> map = new TreeMap<>();
      for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
        String key = keys.nextElement();
        if (!EsfXmlReader.IDENTITY.contains(key)) {
          map.put(key, props.get(key));
        }
      }
      String ocdId = c.getFactoryPid() != null ? c.getFactoryPid() : c.getPid();
      result.add(new EsfXml.Configuration(c.getPid(), ocd(ocdId), map));
    }
    return result;
  }

  @Override
  public Set<String> passwords(List<EsfXml.Configuration> configurations) {
    Set<String> passwords = new HashSet<>();
    for (EsfXml.Configuration c : configurations) {
      int tilde = c.pid().indexOf('~');
      ObjectClassDefinition ocd = definition(tilde < 0 ? c.pid() : c.pid().substring(0, tilde));
      if (ocd == null) {
        continue;
      }
      for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
        if (ad.getType() == AttributeDefinition.PASSWORD) {
          passwords.add(c.pid() + "/" + ad.getID());
        }
      }
    }
    return passwords;
  }

  private EsfXml.Ocd ocd(String id) {
    ObjectClassDefinition ocd = definition(id);
    if (ocd == null) {
      return null;
    }
    List<EsfXml.Ad> ads = new ArrayList<>();
    AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
    Set<String> required = new HashSet<>();
    AttributeDefinition[] req = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
    for (AttributeDefinition ad : req == null ? new AttributeDefinition[0] : req) {
      required.add(ad.getID());
    }
    for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
      Map<String, String> options = new LinkedHashMap<>();
      String[] labels = ad.getOptionLabels();
      String[] values = ad.getOptionValues();
      for (int i = 0; labels != null && values != null && i < labels.length; i++) {
        options.put(labels[i], values[i]);
      }
      String[] defaults = ad.getDefaultValue();
      ads.add(
          new EsfXml.Ad(
              ad.getID(),
              ad.getName(),
              ad.getDescription(),
              typeName(ad.getType()),
              ad.getCardinality(),
              required.contains(ad.getID()),
              defaults == null ? null : String.join(",", defaults),
              options));
    }
    return new EsfXml.Ocd(id, ocd.getName(), ocd.getDescription(), ads);
  }

  private ObjectClassDefinition definition(String id) {
    for (Bundle b : context.getBundles()) {
      MetaTypeInformation info = metaType.getMetaTypeInformation(b);
      if (info == null) {
        continue;
      }
      if (List.of(info.getPids()).contains(id) || List.of(info.getFactoryPids()).contains(id)) {
        try {
          return info.getObjectClassDefinition(id, null);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  @SuppressWarnings("deprecation")
  static String typeName(int type) {
    return switch (type) {
      case AttributeDefinition.LONG -> "Long";
      case AttributeDefinition.INTEGER -> "Integer";
      case AttributeDefinition.SHORT -> "Short";
      case AttributeDefinition.CHARACTER -> "Char";
      case AttributeDefinition.BYTE -> "Byte";
      case AttributeDefinition.DOUBLE -> "Double";
      case AttributeDefinition.FLOAT -> "Float";
      case AttributeDefinition.BOOLEAN -> "Boolean";
      case AttributeDefinition.PASSWORD -> "Password";
      default -> "String";
    };
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
  }
}
