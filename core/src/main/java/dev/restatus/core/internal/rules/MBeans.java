package dev.restatus.core.internal.rules;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Registers the MBeans of one Restatus instance in the platform MBean server. */
final class MBeans {

  private static final System.Logger LOG = System.getLogger("dev.restatus");

  private MBeans() {}

  /**
   * Registers {@code bean} as {@code dev.restatus:type=<type>,name=<name>}, or with an {@code
   * instance} number when that name is taken.
   *
   * @return the name it got, or {@code null} when it could not be registered (logged at DEBUG)
   */
  static ObjectName register(Object bean, String type, String name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    String base = "dev.restatus:type=" + type + ",name=" + ObjectName.quote(name);
    for (int i = 1; i < 100; i++) {
      try {
        ObjectName on = new ObjectName(i == 1 ? base : base + ",instance=" + i);
        if (!server.isRegistered(on)) {
          server.registerMBean(bean, on);
          return on;
        }
      } catch (InstanceAlreadyExistsException e) {
        // registered meanwhile by another instance: try the next name
      } catch (JMException | SecurityException e) {
        LOG.log(Level.DEBUG, "Cannot register the Restatus " + type + " MBean", e);
        return null;
      }
    }
    return null;
  }

  static void unregister(ObjectName name) {
    if (name != null) {
      try {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
      } catch (JMException | SecurityException e) {
        LOG.log(Level.DEBUG, "Cannot unregister " + name, e);
      }
    }
  }
}
