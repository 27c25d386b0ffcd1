"""``{% responsive_image renditions alt sizes eager %}``: an image's ``<picture>`` from its renditions."""

from django import template

register = template.Library()


@register.simple_tag
def responsive_image(renditions, alt: str, sizes: str, eager: bool = False):
    return renditions.picture(alt, sizes, eager) if renditions else ""
