// Boost.URL is used header-only: its implementation is compiled in exactly this one unit.
#include <boost/url/src.hpp>
