package ftenergy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Where the text of an XChart SVG lies. XChart draws every text as glyph outlines, a {@code <path>}
 * inside a {@code <g transform="translate(x y)">} placed at the text, and clips its series to the
 * plot area, the SVG's first {@code clipPath} rectangle. Texts left of the plot area within its
 * height are the y axis's title and tick labels; texts below it within its width the x axis's.
 */
record SvgText(double plotLeft, double plotTop, double plotRight, double plotBottom, List<double[]> texts) {

    private static final Pattern TRANSLATE = Pattern.compile("translate\\(([-0-9.]+)[ ,]+([-0-9.]+)\\)");

    static SvgText read(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(svg.toFile());
        Element clip = (Element) ((Element) doc.getElementsByTagName("clipPath").item(0)).getElementsByTagName("rect").item(0);
        double x = Double.parseDouble(clip.getAttribute("x"));
        double y = Double.parseDouble(clip.getAttribute("y"));
        List<double[]> texts = new ArrayList<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            Matcher m = TRANSLATE.matcher(g.getAttribute("transform"));
            if (m.find() && g.getElementsByTagName("path").getLength() > 0) {
                texts.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
            }
        }
        return new SvgText(x, y, x + Double.parseDouble(clip.getAttribute("width")), y + Double.parseDouble(clip.getAttribute("height")),
                texts);
    }

    /** Texts left of the plot area, within its height: the y axis's title and tick labels. */
    long leftOfPlot() {
        return texts.stream().filter(t -> t[0] < plotLeft && t[1] >= plotTop && t[1] <= plotBottom).count();
    }

    /** Texts below the plot area, within its width: the x axis's title and tick labels. */
    long belowPlot() {
        return texts.stream().filter(t -> t[1] > plotBottom && t[0] >= plotLeft && t[0] <= plotRight).count();
    }
}
