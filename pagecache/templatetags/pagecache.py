"""``{% fragment "name" part ... %}…{% endfragment %}``: a part of a template kept by pagecache.fragments."""

from django import template

from ..fragments import cached_fragment

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name, self.parts, self.nodelist = name, parts, nodelist

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        return cached_fragment(self.name.resolve(context), *parts, render=lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token):
    """
    Everything the fragment shows must be named in its parts (or be the same
    for every page that uses the name): the parts are its key.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
