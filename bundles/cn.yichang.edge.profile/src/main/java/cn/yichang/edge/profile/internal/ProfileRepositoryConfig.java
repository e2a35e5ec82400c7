package cn.yichang.edge.profile.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Sanxia Edge device profiles",
    description = "Where device profiles (<id>.yaml) are looked up.")
@interface ProfileRepositoryConfig {

  @AttributeDefinition(
      name = "Profile directories",
      description =
          "Searched in order, the first holding <id>.yaml wins. When empty, the framework property"
              + " sanxia.profiles (the distribution's device-profiles directory) is used.")
  String[] dirs() default {};
}
