package dev.restatus.servlet;

import jakarta.servlet.ServletContext;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The statuses the application has an HTML error page of its own for: the {@code <error-page>}
 * entries of {@code WEB-INF/web.xml} with an {@code <error-code>} (or neither code nor exception
 * type: a default page), plus those {@code restatus.error-pages} declares for pages registered in
 * code. The Servlet API cannot list a container's error pages, so these are the ones Restatus
 * knows; a page registered in code and not declared is not used (the client gets a problem).
 */
final class ErrorPages {

  private static final System.Logger LOG = System.getLogger("dev.restatus");

  private final Set<Integer> statuses;
  private final boolean any;

  private ErrorPages(Set<Integer> statuses) {
    this.statuses = Set.copyOf(statuses);
    this.any = statuses.contains(0);
  }

  /** No error pages. */
  static final ErrorPages NONE = new ErrorPages(Set.of());

  /**
   * @param context the application, whose {@code WEB-INF/web.xml} is read if it has one
   * @param declared the statuses of {@code restatus.error-pages}, 0 for a default page
   * @return the pages
   */
  static ErrorPages of(ServletContext context, Set<Integer> declared) {
    Set<Integer> all = new HashSet<>(declared);
    try (InputStream in = context.getResourceAsStream("/WEB-INF/web.xml")) {
      if (in != null) {
        all.addAll(fromDescriptor(in));
      }
    } catch (Exception e) {
      // the container parsed the descriptor already: a failure here only costs the pages
      LOG.log(Level.WARNING, "Restatus: cannot read the error pages of WEB-INF/web.xml", e);
    }
    return new ErrorPages(all);
  }

  /** The statuses of a deployment descriptor's error pages, 0 for a default page. */
  static Set<Integer> fromDescriptor(InputStream in) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    f.setXIncludeAware(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    NodeList pages = b.parse(in).getElementsByTagNameNS("*", "error-page");
    Set<Integer> out = new HashSet<>();
    for (int i = 0; i < pages.getLength(); i++) {
      String code = child((Element) pages.item(i), "error-code");
      String exception = child((Element) pages.item(i), "exception-type");
      if (code != null) {
        try {
          out.add(Integer.parseInt(code.trim()));
        } catch (NumberFormatException e) {
          // not a page the container would use either
        }
      } else if (exception == null) {
        out.add(0);
      }
    }
    return out;
  }

  private static String child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && name.equals(c.getLocalName())) {
        return c.getTextContent();
      }
    }
    return null;
  }

  /**
   * @param status an error status
   * @return whether the application has a page for it
   */
  boolean has(int status) {
    return any || statuses.contains(status);
  }
}
