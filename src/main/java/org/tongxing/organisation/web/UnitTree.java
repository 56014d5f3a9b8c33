package org.tongxing.organisation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitView;

/**
 * The visible units as a forest: a unit whose parent is not visible (an admin's
 * administered unit) is a root.
 */
final class UnitTree {

	private UnitTree() {
	}

	/**
	 * @param units visible units in path order
	 * @param query when not blank, keep only matching units and their ancestors
	 */
	static List<Node> of(List<UnitView> units, String query) {
		Map<UnitId, Node> nodes = new LinkedHashMap<>();
		List<Node> roots = new ArrayList<>();
		String needle = (query != null) ? query.trim().toLowerCase(Locale.ROOT) : "";
		for (UnitView unit : units) {
			Node node = new Node(unit, new ArrayList<>(), !needle.isEmpty() && matches(unit, needle));
			nodes.put(unit.id(), node);
			Node parent = (unit.parentId() != null) ? nodes.get(unit.parentId()) : null;
			if (parent != null) {
				parent.children().add(node);
			}
			else {
				roots.add(node);
			}
		}
		return needle.isEmpty() ? roots : prune(roots);
	}

	private static List<Node> prune(List<Node> nodes) {
		List<Node> kept = new ArrayList<>();
		for (Node node : nodes) {
			List<Node> children = prune(node.children());
			if (node.match() || !children.isEmpty()) {
				kept.add(new Node(node.unit(), children, node.match()));
			}
		}
		return kept;
	}

	private static boolean matches(UnitView unit, String needle) {
		return contains(unit.name(), needle) || contains(unit.nameEn(), needle) || contains(unit.shortCode(), needle)
				|| contains(unit.city(), needle);
	}

	private static boolean contains(String value, String needle) {
		return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
	}

	/**
	 * A unit and its visible sub-units.
	 *
	 * @param match whether the unit matches the search
	 */
	record Node(UnitView unit, List<Node> children, boolean match) {

		public boolean hasChildren() {
			return !this.children.isEmpty();
		}

	}

}
