import pytest

from wordpress.phpserialize import SerializedValueError, loads


def test_polylang_translation_group_reads_as_language_to_post_id():
    assert loads('a:2:{s:2:"en";i:101;s:2:"hy";i:102;}') == {"en": 101, "hy": 102}


def test_string_lengths_are_counted_in_bytes_as_php_does():
    assert loads('a:1:{s:6:"locale";s:4:"Հյ";}') == {"locale": "Հյ"}


def test_integer_keys_and_string_values_are_read():
    assert loads('a:2:{i:0;s:3:"one";i:1;s:3:"two";}') == {0: "one", 1: "two"}


@pytest.mark.parametrize(
    "text",
    [
        'O:8:"stdClass":1:{s:1:"a";i:1;}',  # an object: PHP would instantiate it
        'a:1:{s:1:"a";O:8:"stdClass":0:{}}',  # an object inside the array
        'a:1:{s:1:"a";a:1:{i:0;i:1;}}',  # nested arrays
        'a:2:{s:1:"a";i:1;s:1:"b";R:2;}',  # a reference
        'a:1:{s:1:"a";b:1;}',  # a boolean
        'a:1:{s:1:"a";d:0.5;}',  # a float
        'a:1:{s:5:"a";i:1;}',  # a length that lies
        'a:1:{s:1:"a";i:1;}trailing',  # data after the array
        'a:2:{s:1:"a";i:1;}',  # fewer entries than announced
        "a:99999999:{}",  # an absurd count
        's:3:"abc";',  # not an array
        "",
    ],
)
def test_anything_but_a_flat_array_of_strings_and_integers_is_refused(text):
    with pytest.raises(SerializedValueError):
        loads(text)
