package org.tongxing.activity;

/**
 * Who sees an activity: everyone (also the public site), every volunteer of the
 * association, or the volunteers of one unit's subtree.
 */
public enum Visibility {

	PUBLIC, ASSOCIATION, SUBTREE

}
