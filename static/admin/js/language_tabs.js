/*
 * Language tabs for the article form: the part of jQuery UI's tabs() that
 * django-modeltranslation's tabbed_translation_fields.js calls, written here
 * so that the admin loads nothing from outside the site.
 *
 * It is called on a container holding a <ul> of links to panels
 * (<li><a href="#panel-id">hy</a></li>) followed by the panels themselves:
 *   $container.tabs({active: 1})             makes the tabs, showing the second panel
 *   $container.tabs("option", "active", 0)   shows the first panel
 * and it triggers "tabsactivate" with {newTab, oldTab, newPanel, oldPanel}
 * when a person switches tabs. The tabs follow the ARIA tabs pattern: arrow
 * keys, Home and End move between them.
 */
(function ($) {
  "use strict";

  function parts($container) {
    var $tabs = $container.children("ul").first().children("li");
    var $panels = $tabs.map(function () {
      return document.getElementById($(this).children("a").attr("href").slice(1));
    });
    return { $tabs: $tabs, $panels: $($panels.get()) };
  }

  function activate($container, index, event) {
    var p = parts($container);
    if (index < 0 || index >= p.$tabs.length) {
      return;
    }
    var $oldTab = p.$tabs.filter(".ui-tabs-active");
    var oldIndex = p.$tabs.index($oldTab);
    p.$tabs.each(function (i) {
      var selected = i === index;
      $(this).toggleClass("ui-tabs-active", selected);
      $(this).children("a").attr({ "aria-selected": String(selected), tabindex: selected ? "0" : "-1" });
    });
    p.$panels.each(function (i) {
      // Inline display, as jQuery UI does: modeltranslation's stylesheet gives panels display: block.
      $(this).toggle(i === index);
    });
    if (event && oldIndex !== index) {
      $container.trigger("tabsactivate", {
        newTab: p.$tabs.eq(index),
        oldTab: $oldTab,
        newPanel: p.$panels.eq(index),
        oldPanel: p.$panels.eq(oldIndex),
      });
    }
  }

  function build($container, active) {
    var p = parts($container);
    $container.addClass("ui-tabs");
    $container.children("ul").first().addClass("ui-tabs-nav").attr("role", "tablist");
    p.$tabs.each(function (i) {
      var $link = $(this).children("a");
      var panel = p.$panels.get(i);
      $link.attr({ role: "tab", id: panel.id + "-tab", "aria-controls": panel.id });
      $(panel).addClass("ui-tabs-panel").attr({ role: "tabpanel", "aria-labelledby": panel.id + "-tab" });
      $link.on("click", function (event) {
        event.preventDefault();
        activate($container, i, event);
      });
      $link.on("keydown", function (event) {
        var last = p.$tabs.length - 1;
        var next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: last }[event.key];
        if (next === undefined) {
          return;
        }
        event.preventDefault();
        next = (next + p.$tabs.length) % p.$tabs.length;
        activate($container, next, event);
        p.$tabs.eq(next).children("a").trigger("focus");
      });
    });
    activate($container, active || 0, null);
  }

  $.fn.tabs = function (options, name, value) {
    return this.each(function () {
      var $container = $(this);
      if (options === "option") {
        if (name === "active") {
          activate($container, value, null);
        }
        return;
      }
      build($container, (options || {}).active);
    });
  };
})(window.jQuery || django.jQuery);
