// The one translation unit that compiles Boost.JSON's implementation; everyone else includes
// <boost/json.hpp> and links hall_json.
#include <boost/json/src.hpp>
